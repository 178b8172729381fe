package dev.governor.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a target is spelt must not hide it from sensitive-targets.dmn and the asset register. */
class TargetsTest {

    @Test
    void caseSlashesDotSegmentsAndEscapesAreNormalised() {
        assertThat(Targets.normalise("/ETC//./Sudoers")).isEqualTo("/etc/sudoers");
        assertThat(Targets.normalise("/var/www/../../etc/shadow")).isEqualTo("/etc/shadow");
        assertThat(Targets.normalise("/../../../etc/passwd")).as("never above the root").isEqualTo("/etc/passwd");
        assertThat(Targets.normalise("%2Fetc%2Fshadow")).isEqualTo("/etc/shadow");
        assertThat(Targets.normalise("%252Fetc%252Fshadow")).as("double escapes").isEqualTo("/etc/shadow");
        assertThat(Targets.normalise("C:\\Users\\Bob\\.ssh\\id_rsa")).isEqualTo("c:/users/bob/.ssh/id_rsa");
        assertThat(Targets.normalise("https://h.example//a/./b/../c")).isEqualTo("https://h.example/a/c");
        assertThat(Targets.normalise("https://h.example/../../etc/shadow")).isEqualTo("https://h.example/etc/shadow");
    }

    @Test
    void aRelativePathKeepsItsClimbSoTheAbsolutePathStillShows() {
        assertThat(Targets.normalise("foo/../etc/shadow")).contains("/etc/shadow");
        assertThat(Targets.normalise("cat ../../etc/shadow | head")).contains("/etc/shadow");
    }

    @Test
    void aCommandLineIsNormalisedWordByWord() {
        assertThat(Targets.normalise("sudo cat /etc/./shadow  /tmp//x")).isEqualTo("sudo cat /etc/shadow  /tmp/x");
    }

    @Test
    void hostileInputIsBoundedAndNeverThrows() {
        assertThat(Targets.normalise(null)).isEmpty();
        assertThat(Targets.normalise("100% sure %zz %")).isEqualTo("100% sure %zz %");
        assertThat(Targets.normalise("a\u0000b")).isEqualTo("ab");
        assertThat(Targets.normalise("/x".repeat(10_000))).hasSizeLessThanOrEqualTo(4096);
        assertThat(Targets.normalise("a+b")).as("a plus is not a space").isEqualTo("a+b");
    }
}
