package org.unionbot.adapter.admin;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.unionbot.adapter.admin.ThrottledAuthenticationProvider.LoginThrottledException;
import org.unionbot.adapter.admin.members.MembersConfiguration;
import org.unionbot.adapter.admin.plan.PlanConfiguration;
import org.unionbot.adapter.admin.polls.PollsConfiguration;
import org.unionbot.core.console.AuditLog;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.MemberRepository;

/**
 * The committee's web console under {@code /admin}, for the composition root to import.
 *
 * <p>Needs: {@link ConsoleAccountRepository}, {@link AuditLog}, {@link MemberRepository} (and, for the
 * members pages, the core's {@code RosterImporter} and {@code BindingService}); a {@link Clock} and a
 * transaction manager when there is exactly one. Optional: a {@link DemoChair} bean (demo mode).
 *
 * <p>Security covers {@code /admin/**} only (its own filter chain with {@code securityMatcher}): the web
 * chat, its API and the platform callbacks keep no session, no login and no CSRF token. Inside, every
 * {@link ConsolePage} bean's path requires its role; any other /admin URL is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AdminSettings.class)
@Import({LoginController.class, DashboardController.class, AccountController.class, AuditController.class,
        PasswordController.class, ConsoleModel.class, MembersConfiguration.class,
        PollsConfiguration.class,
        PlanConfiguration.class,
        org.unionbot.adapter.admin.feedback.FeedbackConsoleConfiguration.class,
        org.unionbot.adapter.admin.knowledge.KnowledgeConsoleConfiguration.class,
        org.unionbot.adapter.admin.channels.ChannelsConsoleConfiguration.class})
public class AdminConsoleConfiguration {

    @Bean
    ConsolePage dashboardPage() {
        return new ConsolePage(DashboardController.PATH, ConsoleTexts.get("nav.dashboard"),
                ConsoleRole.GROUP_LEADER, 0);
    }

    @Bean
    ConsolePage accountsPage() {
        return new ConsolePage(AccountController.PATH, ConsoleTexts.get("nav.accounts"), ConsoleRole.CHAIR, 900);
    }

    @Bean
    ConsolePage auditPage() {
        return new ConsolePage(AuditController.PATH, ConsoleTexts.get("nav.audit"), ConsoleRole.CHAIR, 910);
    }

    @Bean
    ConsoleNavigation consoleNavigation(List<ConsolePage> pages) {
        return new ConsoleNavigation(pages.stream().sorted(Comparator.comparingInt(ConsolePage::order)).toList());
    }

    /** Holders of a one-time password see only the password page until they have changed it. */
    @Bean
    WebMvcConfigurer consolePasswordChangeGate(ConsoleAccountRepository accounts) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PasswordChangeGate(accounts)).addPathPatterns("/admin/**")
                        .excludePathPatterns(PasswordController.PATH, "/admin/login", "/admin/logout", "/admin/assets/**");
            }
        };
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ConsoleUserDetailsService consoleUserDetailsService(ConsoleAccountRepository accounts, MemberRepository members) {
        return new ConsoleUserDetailsService(accounts, members);
    }

    @Bean
    LoginThrottle consoleLoginThrottle(AdminSettings settings, ObjectProvider<Clock> clock) {
        return new LoginThrottle(settings.maxLoginFailures(), settings.throttleWindow(),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    ConsoleAudit consoleAudit(AuditLog log, ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<Clock> clock) {
        return new ConsoleAudit(log, transactions.getIfUnique(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    FirstAdministrator firstAdministrator(AdminSettings settings, ConsoleAccountRepository accounts,
            MemberRepository members, PasswordEncoder encoder, ObjectProvider<DemoChair> demoChair, ConsoleAudit audit) {
        return new FirstAdministrator(settings, accounts, members, encoder, demoChair.getIfAvailable(), audit);
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleNavigation navigation,
            ConsoleUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
            AdminSettings settings) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // Its own manager without a parent: a refused or throttled login must not fall through to
        // the global manager Spring builds from the UserDetailsService bean (which would try again).
        http.securityMatcher("/admin/**", "/admin")
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/admin/login", "/admin/assets/**").permitAll();
                    auth.requestMatchers("/admin", "/admin/", PasswordController.PATH).authenticated();
                    for (ConsolePage page : navigation.pages()) {
                        auth.requestMatchers(page.path(), page.path() + "/**").hasRole(page.minimumRole().name());
                    }
                    auth.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .successHandler((request, response, authentication) -> {
                            // The console's own idle limit; the web chat has no session to time out.
                            request.getSession().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
                            boolean mustChange = authentication.getPrincipal() instanceof ConsoleUser u
                                    && u.mustChangePassword();
                            response.sendRedirect(request.getContextPath()
                                    + (mustChange ? PasswordController.PATH + "?first" : DashboardController.PATH));
                        })
                        .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                                + "/admin/login?" + (exception instanceof LoginThrottledException ? "throttled" : "error"))))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()));
        return http.build();
    }
}
