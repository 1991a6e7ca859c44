package org.unionbot.app;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.core.calendar.PlanReader;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.ChannelSender;

/**
 * The application's main in a child JVM for {@link ReminderCrashIT}: the real application, plus a web
 * channel slowed to {@code crash.send-delay-ms} a send (so that the fan-out is still running when the
 * test kills the process) and, with {@code crash.setup=true}, a start-up step that loads the roster and a
 * plan item due in a few seconds and approves it, so that real Quartz fires the fan-out.
 */
public final class CrashFanOutMain {
    private CrashFanOutMain() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(UnionBotApplication.class, SlowWebChannel.class).run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowWebChannel {

        @Bean
        static BeanPostProcessor slowWebChannel() {
            long delay = Long.getLong("crash.send-delay-ms", 100);
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ChannelSender c && c.platform() == Platform.WEB) {
                        return new ChannelSender() {
                            @Override
                            public Platform platform() {
                                return Platform.WEB;
                            }

                            @Override
                            public void send(String user, Reply.Say message, String idempotencyKey) {
                                try {
                                    Thread.sleep(delay); // the platform's round trip
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(e);
                                }
                                c.send(user, message, idempotencyKey);
                            }
                        };
                    }
                    return bean;
                }
            };
        }

        @Bean
        ApplicationRunner crashSetup(ApplicationContext app) {
            return args -> {
                if (!Boolean.getBoolean("crash.setup")) {
                    return;
                }
                CalendarItSupport.roster(app, Integer.getInteger("crash.teachers", 100));
                ReminderService reminders = app.getBean(ReminderService.class);
                reminders.importPlan(PlanReader.yaml(System.getProperty("crash.plan")));
                reminders.approve("crash", app.getBean(MemberRepository.class).findByStaffNo("C000").orElseThrow());
                System.out.println("CRASH-SETUP-DONE");
            };
        }
    }
}
