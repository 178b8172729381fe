package dev.governor.asset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The glob rule: '*' is any run of characters, everything else is itself, both sides normalised (case, slashes, dot segments). */
class AssetPatternTest {

    @Test
    void aStarMatchesAnyRunIncludingNone() {
        assertThat(AssetPattern.matches("db/prod-main*", "db/prod-main")).isTrue();
        assertThat(AssetPattern.matches("db/prod-main*", "db/prod-main-replica/7")).isTrue();
        assertThat(AssetPattern.matches("db/prod-main*", "db/prod-mai")).isFalse();
        assertThat(AssetPattern.matches("db/prod-main*", "xdb/prod-main")).isFalse();
        assertThat(AssetPattern.matches("*", "")).isTrue();
        assertThat(AssetPattern.matches("*", "anything at all")).isTrue();
    }

    @Test
    void aStarInTheMiddleAndSeveralStars() {
        assertThat(AssetPattern.matches("s3://*/secrets/*", "s3://bucket-a/secrets/key.pem")).isTrue();
        assertThat(AssetPattern.matches("s3://*/secrets/*", "s3://bucket-a/public/key.pem")).isFalse();
        assertThat(AssetPattern.matches("a*b*c", "abc")).isTrue();
        assertThat(AssetPattern.matches("a*b*c", "a-b-b-c-c")).isTrue();
        assertThat(AssetPattern.matches("a*b*c", "a-b-b-c-d")).isFalse();
        assertThat(AssetPattern.matches("*.pem", "id.pem.bak")).isFalse();
        assertThat(AssetPattern.matches("**", "x")).isTrue();
    }

    @Test
    void regexAndLikeMetacharactersAreLiteral() {
        assertThat(AssetPattern.matches("db.prod", "dbXprod")).isFalse();
        assertThat(AssetPattern.matches("db.prod", "db.prod")).isTrue();
        assertThat(AssetPattern.matches("a+b", "aab")).isFalse();
        assertThat(AssetPattern.matches("(a|b)", "a")).isFalse();
        assertThat(AssetPattern.matches("[ab]", "a")).isFalse();
        assertThat(AssetPattern.matches("[ab]", "[ab]")).isTrue();
        assertThat(AssetPattern.matches("a?", "ab")).isFalse();
        assertThat(AssetPattern.matches("^a$", "a")).isFalse();
        assertThat(AssetPattern.matches("100%", "1000")).isFalse();
        assertThat(AssetPattern.matches("a_b", "axb")).isFalse();
        assertThat(AssetPattern.matches("c:\\tmp\\*", "c:\\tmp\\x")).isTrue();
    }

    @Test
    void spellingDoesNotHideATarget() {
        assertThat(AssetPattern.matches("db/Prod*", "db/prod-main")).isTrue();
        assertThat(AssetPattern.matches("db/prod*", "DB/PROD-main")).isTrue();
        assertThat(AssetPattern.matches("/srv/secrets/*", "/srv/app/../secrets//key")).isTrue();
        assertThat(AssetPattern.matches("c:\\tmp\\*", "C:/TMP/x")).isTrue();
    }

    @Test
    void aNullTargetMatchesNothing() {
        assertThat(AssetPattern.matches("*", null)).isFalse();
    }

    @Test
    void theLikeFormEscapesWhatLikeWouldReadAndTranslatesOnlyTheStar() {
        assertThat(AssetPattern.like("db/prod-main*")).isEqualTo("db/prod-main%");
        assertThat(AssetPattern.like("100%_x*")).isEqualTo("100\\%\\_x%");
        assertThat(AssetPattern.like("100%_x\\*")).as("a backslash is a slash, as in the target").isEqualTo("100\\%\\_x/%");
        assertThat(AssetPattern.like("a.b[c]?(d)+")).isEqualTo("a.b[c]?(d)+");
    }

    @Test
    void aPathologicalPatternIsNotExponential() {
        String pattern = "*a".repeat(40) + "b";
        String target = "a".repeat(5000);
        assertThat(AssetPattern.matches(pattern, target)).isFalse();
    }
}
