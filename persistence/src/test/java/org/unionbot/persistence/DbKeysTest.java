package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbKeysTest {

    @Test
    void shortKeysAreKeptAsTheyAre() {
        String key = "王".repeat(DbKeys.MAX_KEY_CHARS);

        assertThat(DbKeys.fit(key)).isSameAs(key);
        assertThat(DbKeys.fit("🌸".repeat(DbKeys.MAX_KEY_CHARS))).as("counted in code points, not chars")
                .isEqualTo("🌸".repeat(DbKeys.MAX_KEY_CHARS));
    }

    @Test
    void longKeysAreHashedDeterministicallyAndStayDistinct() {
        String common = "k".repeat(DbKeys.MAX_KEY_CHARS);

        assertThat(DbKeys.fit(common + "a")).isEqualTo(DbKeys.fit(common + "a"))
                .isNotEqualTo(DbKeys.fit(common + "b"))
                .startsWith("sha256:")
                .hasSizeLessThanOrEqualTo(DbKeys.MAX_KEY_CHARS);
    }
}
