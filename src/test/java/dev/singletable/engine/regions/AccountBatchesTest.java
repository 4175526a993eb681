package dev.singletable.engine.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which account's part of a batch a table belongs to: the account of its ARN, or the caller's for anything else. */
class AccountBatchesTest {

    private static final String OWN = "123456789012";

    @Test
    void aTableBelongsToTheAccountOfItsArnElseToTheCaller() {
        assertThat(AccountBatches.accountOf("music", OWN)).isEqualTo(OWN);
        assertThat(AccountBatches.accountOf("arn:aws:dynamodb:us-east-1:444455556666:table/music", OWN))
                .isEqualTo("444455556666");
        assertThat(AccountBatches.accountOf("arn:aws:dynamodb:us-east-1:" + OWN + ":table/music", OWN))
                .isEqualTo(OWN);
        // not a DynamoDB ARN of a 12-digit account: the caller's namespace answers it, as it did before
        assertThat(AccountBatches.accountOf("arn:aws:dynamodb:us-east-1:44445555666x:table/music", OWN))
                .isEqualTo(OWN);
        assertThat(AccountBatches.accountOf("arn:aws:s3:us-east-1:444455556666:table/music", OWN))
                .isEqualTo(OWN);
        assertThat(AccountBatches.accountOf("arn:aws:dynamodb:us-east-1", OWN)).isEqualTo(OWN);
    }
}
