package dev.kaimono.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** A bean looked up until it is found, then kept: its provider is not asked again. */
class LateBeanTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<String> registered = new AtomicReference<>();

    private final ObjectProvider<String> provider = new ObjectProvider<>() {

        @Override
        public String getObject() {
            String bean = getIfAvailable();
            if (bean == null) {
                throw new NoSuchBeanDefinitionException(String.class);
            }
            return bean;
        }

        @Override
        public String getIfAvailable() {
            lookups.incrementAndGet();
            return registered.get();
        }
    };

    @Test
    void isLookedUpAgainWhileAbsentAndOnlyOnceFound() {
        LateBean<String> bean = LateBean.of(provider);
        List<String> seen = new ArrayList<>();

        bean.ifAvailable(seen::add);
        assertThat(bean.get()).isNull();
        registered.set("relay");
        bean.ifAvailable(seen::add);
        bean.ifAvailable(seen::add);
        registered.set("another");

        assertThat(bean.get()).isEqualTo("relay");
        assertThat(seen).containsExactly("relay", "relay");
        assertThat(lookups).hasValue(3);
    }
}
