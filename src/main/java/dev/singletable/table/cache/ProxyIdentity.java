package dev.singletable.table.cache;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * What this package's client proxies ({@link DaxStyleCache}, {@link WriteThrough}) answer for {@link Object}'s own
 * methods: a proxy equals only itself, hashes by identity, and shows the name it is given (the client it wraps).
 */
final class ProxyIdentity {

    private ProxyIdentity() {}

    /** Whether the call is one of {@link Object}'s methods, which {@link #answer} handles. */
    static boolean handles(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    static Object answer(Object proxy, Method method, Object @Nullable [] args, String name) {
        return switch (method.getName()) {
            case "equals" -> args != null && proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> name;
        };
    }
}
