package fi.suoja.hardware.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a text (UTF-8) under one key, for everything that signs or keys something with a
 * secret: the device's commands and reports, a room's calendar address, a library card's hash.
 * Comparisons take the same time whatever the tag, so a wrong tag tells nothing of the right one.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Hmac(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("an HMAC key has at least one byte");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public byte[] tag(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    public String base64(String text) {
        return Base64.getEncoder().encodeToString(tag(text));
    }

    /** The tag in URL-safe Base64 without padding, to stand in an address. */
    public String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag(text));
    }

    public String hex(String text) {
        return HexFormat.of().formatHex(tag(text));
    }

    /** Whether {@code tag} is this key's tag of {@code text}, in constant time; a null tag never is. */
    public boolean matches(String text, byte[] tag) {
        return tag != null && MessageDigest.isEqual(tag(text), tag);
    }

    /** {@link #matches} for a tag in standard Base64; anything that is not Base64 does not match. */
    public boolean matchesBase64(String text, String tag) {
        return matchesDecoded(text, tag, Base64.getDecoder());
    }

    /** {@link #matches} for a tag in URL-safe Base64 without padding, as {@link #base64Url} writes it. */
    public boolean matchesBase64Url(String text, String tag) {
        return matchesDecoded(text, tag, Base64.getUrlDecoder());
    }

    private boolean matchesDecoded(String text, String tag, Base64.Decoder decoder) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        try {
            return matches(text, decoder.decode(tag));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
