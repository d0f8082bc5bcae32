package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.oauth.common.form.PercentDecoding;

class PercentEncodingTest {

    // The "Parameter Encoding" table of the oauth.net wiki TestCases page (OAuth Core 1.0 §5.1,
    // the same rules as RFC 5849 §3.6). The wiki names code points as U+xxxx.
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "abcABC123 | abcABC123",
        "-._~      | -._~",
        "%         | %25",
        "+         | %2B",
        "&=*       | %26%3D%2A",
    })
    void encodesTheWikiTestCases(String raw, String encoded) {
        assertThat(PercentEncoding.encode(raw)).isEqualTo(encoded);
    }

    @Test
    void encodesTheWikiCodePointCases() {
        assertThat(PercentEncoding.encode("\n")).isEqualTo("%0A");
        assertThat(PercentEncoding.encode(" ")).isEqualTo("%20");
        assertThat(PercentEncoding.encode("\u007F")).isEqualTo("%7F");
        assertThat(PercentEncoding.encode("\u0080")).isEqualTo("%C2%80");
        assertThat(PercentEncoding.encode("\u3001")).isEqualTo("%E3%80%81");
    }

    @Test
    void aSpaceIsNeverAPlus() {
        // The difference from URLEncoder that matters: it would write "a+b" and leave '*' alone.
        assertThat(PercentEncoding.encode("a b*")).isEqualTo("a%20b%2A");
    }

    @Test
    void encodesCharactersOutsideTheBasicPlaneAsFourUtf8Bytes() {
        assertThat(PercentEncoding.encode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void strictDecodingKeepsPlusLiteral() {
        // RFC 5849 §3.5.1: header values use §3.6 encoding, where '+' is just a plus.
        assertThat(PercentDecoding.decode("tR3+Ty81lMeYAr%2FFid0kMTYa%2FWM%3D"))
                .isEqualTo("tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
    }

    @Test
    void formDecodingTurnsPlusIntoSpace() {
        // RFC 5849 §3.4.1.3.1: "a3=2+q" in a form body is the value "2 q".
        assertThat(PercentDecoding.decodeForm("2+q")).isEqualTo("2 q");
        assertThat(PercentDecoding.decodeForm("%2B")).isEqualTo("+");
    }

    @Test
    void decodesOnlyOnceSoEncodedPercentSignsSurvive() {
        // RFC 5849 §3.4.1.3.1: b5=%3D%253D decodes to "=%3D", not "==".
        assertThat(PercentDecoding.decodeForm("%3D%253D")).isEqualTo("=%3D");
    }

    @Test
    void decodesLowercaseHexAndMultiByteCharacters() {
        assertThat(PercentDecoding.decode("%e3%80%81")).isEqualTo("\u3001");
        assertThat(PercentDecoding.decode("caf%C3%A9 \u00E9")).isEqualTo("caf\u00E9 \u00E9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u0000", "abcABC123", "-._~", "%", "+", "&=*", " ", "\u3001", "r b", "=%3D", "\uD83D\uDE00",
    })
    void decodeUndoesEncode(String raw) {
        assertThat(PercentDecoding.decode(PercentEncoding.encode(raw))).isEqualTo(raw);
        assertThat(PercentDecoding.decodeForm(PercentEncoding.encode(raw))).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%G1", "%1G", "%4", "%", "abc%", "%%", "%-1", "%\u0663\u0663"})
    void malformedEscapesAreIllegalArguments(String malformed) {
        assertThatThrownBy(() -> PercentDecoding.decode(malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent escape");
        assertThatThrownBy(() -> PercentDecoding.decodeForm(malformed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%C3", "%C3%28", "%ED%A0%80"})
    void bytesThatAreNotUtf8AreIllegalArguments(String notUtf8) {
        // Decoding them to U+FFFD instead would let two different inputs mean the same value.
        assertThatThrownBy(() -> PercentDecoding.decode(notUtf8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTF-8");
    }
}
