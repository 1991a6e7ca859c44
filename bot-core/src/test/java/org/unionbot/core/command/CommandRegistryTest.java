package org.unionbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Reply;

class CommandRegistryTest {

    private static Command named(String name, String... aliases) {
        CommandSpec spec = new CommandSpec(name, List.of(aliases), null, "测试", Privilege.PUBLIC, Locality.ANY);
        return new Command() {
            public CommandSpec spec() {
                return spec;
            }

            public Reply execute(CommandContext context) {
                return Reply.text(name);
            }
        };
    }

    @Test
    void twoCommandsClaimingOneNameFailAtStartUp() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(named("帮助", "help"), named("菜单", "HELP"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("help");
    }

    @Test
    void aCommandRepeatingItsOwnNameIsInvalid() {
        assertThatThrownBy(() -> named("绑定", "绑定")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> named("两个 词")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesNamesAndAliasesCaseInsensitively() {
        var registry = new CommandRegistry(List.of(named("帮助", "help"), named("绑定", "bind")));
        assertThat(registry.match("HELP").orElseThrow().command().spec().name()).isEqualTo("帮助");
        var bind = registry.match("绑定：AB12CD34").orElseThrow();
        assertThat(bind.command().spec().name()).isEqualTo("绑定");
        assertThat(bind.arguments()).isEqualTo("AB12CD34");
        assertThat(registry.match("  bind   T001 1234 ").orElseThrow().arguments()).isEqualTo("T001 1234");
    }

    @Test
    void chineseNameGluedToAsciiArgumentsStillMatches() {
        var registry = new CommandRegistry(List.of(named("绑定")));
        assertThat(registry.match("绑定AB12CD34").orElseThrow().arguments()).isEqualTo("AB12CD34");
    }

    @Test
    void aQuestionStartingWithACommandWordIsNotTheCommand() {
        var registry = new CommandRegistry(List.of(named("帮助", "help")));
        assertThat(registry.match("帮助困难职工怎么申请")).isEmpty();
        assertThat(registry.match("helpme")).isEmpty();
        assertThat(registry.match("")).isEmpty();
    }
}
