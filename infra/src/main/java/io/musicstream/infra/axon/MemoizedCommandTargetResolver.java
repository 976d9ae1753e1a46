package io.musicstream.infra.axon;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@code AnnotationCommandTargetResolver}, with the annotated members found once per command class
 * instead of on every command (docs/performance.md). Same rules: methods before fields, a version as a
 * {@code Long}.
 */
public class MemoizedCommandTargetResolver implements CommandTargetResolver {

    /** The members of one command class that carry the target identifier and version, if any. */
    private record Target(AccessibleObject identifier, AccessibleObject version) {
    }

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.get(command.getPayloadType());
        Object identifier;
        Object version;
        try {
            identifier = read(target.identifier(), command.getPayload());
            version = read(target.version(), command.getPayload());
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a "
                    + "command", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. Make sure "
                    + "at least one of the fields or methods in the [" + command.getPayloadType().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        return new VersionedAggregateIdentifier(identifier, asLong(version));
    }

    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object read(AccessibleObject member, Object payload)
            throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        if (member instanceof Field field) {
            return field.get(payload);
        }
        return null;
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(version.toString());
    }
}
