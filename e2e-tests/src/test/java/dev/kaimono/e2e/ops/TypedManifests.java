package dev.kaimono.e2e.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Kubernetes manifests read into the fabric8 typed model, strictly: an unknown kind, apiVersion or
 * field (which the API server would reject or silently drop) is an error naming where it is.
 */
public final class TypedManifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TypedManifests() {
    }

    public static List<HasMetadata> read(List<Map<String, Object>> documents) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            String kind = document.get("apiVersion") + "/" + document.get("kind");
            Class<? extends HasMetadata> type = KINDS.get(kind);
            if (type == null) {
                throw new IllegalArgumentException("Unexpected kind " + kind + ": " + document.get("metadata"));
            }
            HasMetadata object = MAPPER.convertValue(document, type);
            List<String> unknown = new ArrayList<>();
            unknownFields(object, kind + " " + object.getMetadata().getName(), unknown);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Fields the Kubernetes API does not know: " + unknown);
            }
            objects.add(object);
        }
        return objects;
    }

    public static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** fabric8 keeps fields it does not model in {@code additionalProperties}; any there is an unknown field. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8")) {
            if (value instanceof Collection<?> elements) {
                int index = 0;
                for (Object element : elements) {
                    unknownFields(element, path + "[" + index++ + "]", unknown);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, element) -> unknownFields(element, path + "." + key, unknown));
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object member = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (member instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                unknownFields(member, path + "." + property(getter), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
