package fi.suoja.hardware.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacTest {

    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    private static final String RFC_4231_TAG = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private final Hmac jefe = new Hmac("Jefe".getBytes(StandardCharsets.UTF_8));

    @Test
    void the_tag_is_hmac_sha256_as_the_rfc_gives_it() {
        assertThat(jefe.hex("what do ya want for nothing?")).isEqualTo(RFC_4231_TAG);
    }

    @Test
    void a_tag_matches_its_own_text_only_in_each_encoding() {
        String text = "room:42";
        assertThat(jefe.matchesBase64(text, jefe.base64(text))).isTrue();
        assertThat(jefe.matchesBase64Url(text, jefe.base64Url(text))).isTrue();
        assertThat(jefe.base64Url(text)).doesNotContain("=", "+", "/");
        assertThat(jefe.matchesBase64("room:43", jefe.base64(text))).isFalse();
        assertThat(new Hmac("Jeff".getBytes(StandardCharsets.UTF_8)).matchesBase64(text, jefe.base64(text))).isFalse();
    }

    @Test
    void a_missing_or_garbled_tag_never_matches() {
        assertThat(jefe.matchesBase64("x", null)).isFalse();
        assertThat(jefe.matchesBase64("x", "")).isFalse();
        assertThat(jefe.matchesBase64("x", "not base64 at all!")).isFalse();
        assertThat(jefe.matchesBase64Url("x", "%%%")).isFalse();
        assertThat(jefe.matches("x", null)).isFalse();
    }

    @Test
    void an_empty_key_is_refused() {
        assertThatThrownBy(() -> new Hmac(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
