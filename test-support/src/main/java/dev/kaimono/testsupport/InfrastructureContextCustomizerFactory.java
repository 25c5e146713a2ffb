package dev.kaimono.testsupport;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in {@code META-INF/spring.factories}; activates on {@link WithInfrastructure}. */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        WithInfrastructure annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithInfrastructure.class);
        if (annotation == null) {
            return null;
        }
        Set<WithInfrastructure.Service> services = EnumSet.noneOf(WithInfrastructure.Service.class);
        services.addAll(List.of(annotation.value()));
        return new InfrastructureContextCustomizer(services);
    }
}
