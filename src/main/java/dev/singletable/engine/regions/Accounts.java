package dev.singletable.engine.regions;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which account a request acts in, from its access key. The documented mapping, first match wins:
 * <ol>
 *   <li>a key listed in {@code singletable.engine.auth.accounts} acts in the account given there;</li>
 *   <li>a key that is itself twelve digits acts in that account (LocalStack's convention, so that two accounts can be
 *       tried without configuration: {@code AWS_ACCESS_KEY_ID=111111111111});</li>
 *   <li>every other key, and a request without credentials, acts in the engine's own account
 *       ({@code 000000000000} unless configured).</li>
 * </ol>
 * Unlike DynamoDB Local, two different unmapped keys therefore share their tables.
 */
public final class Accounts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private Accounts() {}

    public static String accountFor(@Nullable String accessKeyId, Map<String, String> mapped, String defaultAccount) {
        if (accessKeyId == null) {
            return defaultAccount;
        }
        String account = mapped.get(accessKeyId);
        if (account != null) {
            return account;
        }
        return isAccountId(accessKeyId) ? accessKeyId : defaultAccount;
    }

    public static boolean isAccountId(@Nullable String text) {
        return text != null && ACCOUNT_ID.matcher(text).matches();
    }

    static void requireAccountId(String accessKeyId, String account) {
        if (!isAccountId(account)) {
            throw new IllegalArgumentException(
                    "the account of access key " + accessKeyId + " must be twelve digits, not '" + account + "'");
        }
    }
}
