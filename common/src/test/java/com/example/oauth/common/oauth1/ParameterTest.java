package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void parsesAFormBodyWithPlusAsSpaceAndBareNamesAsEmpty() {
        // The entity-body of the RFC 5849 §3.4.1.1 example.
        assertThat(Parameter.parseForm("c2&a3=2+q")).containsExactly(
                new Parameter("c2", ""),
                new Parameter("a3", "2 q"));
    }

    @Test
    void parsesARawQueryDecodingEachPartOnce() {
        // The query of the RFC 5849 §3.4.1.1 example, and the decoded table of §3.4.1.3.1.
        assertThat(Parameter.parseForm("b5=%3D%253D&a3=a&c%40=&a2=r%20b")).containsExactly(
                new Parameter("b5", "=%3D"),
                new Parameter("a3", "a"),
                new Parameter("c@", ""),
                new Parameter("a2", "r b"));
    }

    @Test
    void anEqualsSignInsideTheValueBelongsToTheValue() {
        assertThat(Parameter.parseForm("a=b=c")).containsExactly(new Parameter("a", "b=c"));
    }

    @Test
    void emptyInputAndEmptySegmentsGiveNoParameters() {
        assertThat(Parameter.parseForm(null)).isEmpty();
        assertThat(Parameter.parseForm("")).isEmpty();
        assertThat(Parameter.parseForm("&&a=1&")).containsExactly(new Parameter("a", "1"));
    }

    @Test
    void aMalformedEscapeIsAnIllegalArgument() {
        assertThatThrownBy(() -> Parameter.parseForm("a=%G1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodedJoinsTheEncodedNameAndValue() {
        assertThat(new Parameter("c@", "").encoded()).isEqualTo("c%40=");
        assertThat(new Parameter("a2", "r b").encoded()).isEqualTo("a2=r%20b");
    }

    @Test
    void nameAndValueAreRequired() {
        assertThatThrownBy(() -> new Parameter(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Parameter("n", null)).isInstanceOf(NullPointerException.class);
    }
}
