package org.fupin.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** The example of the Standard Webhooks specification and its reference libraries. */
    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        assertThat(Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreValidAndDiffer() {
        String one = Signatures.newSecret();
        assertThat(Signatures.validSecret(one)).isTrue();
        assertThat(one).startsWith("whsec_").isNotEqualTo(Signatures.newSecret());
    }

    @Test
    void aSecretIsThePrefixAndEnoughBase64() {
        assertThat(Signatures.validSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isTrue();
        assertThat(Signatures.validSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(Signatures.validSecret("whsec_c2hvcnQ=")).isFalse();
        assertThat(Signatures.validSecret("whsec_not base64 at all, not at all!!")).isFalse();
        assertThat(Signatures.validSecret(null)).isFalse();
    }
}
