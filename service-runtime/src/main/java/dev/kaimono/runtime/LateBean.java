package dev.kaimono.runtime;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A bean asked for on every message or request that cannot be injected directly (it may be absent, or it depends on
 * the bean that needs it): looked up on first use and then kept. An {@link ObjectProvider} looks its bean up again on
 * every call — candidate matching with annotation and generic-type checks, 4.5-9.4 % of each messaging service's CPU
 * at 10 orders/s when the outbox asked for its relay and its trace context per event. While the bean is absent it is
 * looked up again at the next use.
 *
 * @param <T> the bean's type
 */
public final class LateBean<T> implements Supplier<T> {

    private final ObjectProvider<T> provider;
    private volatile T bean;

    private LateBean(ObjectProvider<T> provider) {
        this.provider = provider;
    }

    public static <T> LateBean<T> of(ObjectProvider<T> provider) {
        return new LateBean<>(provider);
    }

    /** The bean, or {@code null} while there is none. */
    @Override
    public T get() {
        T found = bean;
        if (found == null) {
            found = provider.getIfAvailable();
            bean = found;
        }
        return found;
    }

    /** Runs {@code action} on the bean if there is one. */
    public void ifAvailable(Consumer<T> action) {
        T found = get();
        if (found != null) {
            action.accept(found);
        }
    }
}
