package org.petitionpipeline.testsupport.configreference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every property a {@link ConfigMapping} interface reads, found by reflection so that a new method is a new property:
 * prefix plus the kebab-case method names, nested groups, groups per map key ({@code *}), and the
 * {@link WithDefault} of each, if any.
 */
final class MappedProperties {

    private MappedProperties() {
    }

    /** Property name (or pattern) to its default; an empty default means none. */
    static Map<String, Optional<String>> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getName() + " is not a @ConfigMapping interface");
        }
        Map<String, Optional<String>> properties = new TreeMap<>();
        collect(annotation.prefix(), mapping, properties);
        return properties;
    }

    private static void collect(String prefix, Class<?> group, Map<String, Optional<String>> properties) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix : join(prefix, segmentOf(method));
            Type type = method.getGenericReturnType();
            Class<?> raw = raw(type);
            if (raw == Optional.class) {
                type = argument(type, 0);
                raw = raw(type);
            }
            if (raw == Map.class) {
                name = join(name, PropertyName.ANY_SEGMENT);
                type = argument(type, 1);
                raw = raw(type);
            } else if (Collection.class.isAssignableFrom(raw) && isGroup(raw(argument(type, 0)))) {
                name = name + "[*]";
                raw = raw(argument(type, 0));
            }
            if (isGroup(raw)) {
                collect(name, raw, properties);
            } else {
                WithDefault defaultValue = method.getAnnotation(WithDefault.class);
                properties.put(name, Optional.ofNullable(defaultValue).map(WithDefault::value));
            }
        }
    }

    private static String segmentOf(Method method) {
        WithName named = method.getAnnotation(WithName.class);
        return named != null ? named.value() : kebabCase(method.getName());
    }

    static String kebabCase(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A nested group is an interface of the project; {@code Path}, {@code List} and the like are values. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String join(String prefix, String segment) {
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalArgumentException("cannot tell the property type of " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
