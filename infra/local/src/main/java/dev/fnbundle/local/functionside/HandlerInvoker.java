package dev.fnbundle.local.functionside;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A loaded handler and the serializers of its input and output. Handlers implement {@link RequestHandler} or
 * {@link RequestStreamHandler}, with a public no-argument constructor, as Lambda requires.
 */
final class HandlerInvoker {
    private final Object handler;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    private HandlerInvoker(Object handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
        this.handler = handler;
        this.input = input;
        this.output = output;
    }

    /**
     * Loads and instantiates the handler named {@code Class} or {@code Class::method} (the method must be
     * handleRequest). Construction is the function's init phase.
     */
    static HandlerInvoker load(String name, ClassLoader loader) throws ReflectiveOperationException {
        String[] parts = name.split("::", 2);
        if (parts.length == 2 && !parts[1].equals("handleRequest")) {
            throw new IllegalArgumentException("the portable runtime client calls handleRequest of RequestHandler"
                    + " or RequestStreamHandler implementations, not " + name);
        }
        Class<?> type = Class.forName(parts[0], true, loader);
        Object handler = type.getConstructor().newInstance();
        if (handler instanceof RequestStreamHandler) {
            return new HandlerInvoker(handler, null, null);
        }
        if (!(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalArgumentException(type.getName() + " implements neither RequestHandler nor"
                    + " RequestStreamHandler");
        }
        Type[] arguments = requestHandlerTypes(type);
        return new HandlerInvoker(handler, serializer(arguments[0], loader), serializer(arguments[1], loader));
    }

    @SuppressWarnings("unchecked")
    byte[] invoke(byte[] event, Context context) throws IOException {
        var out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        Object request = input.fromJson(new ByteArrayInputStream(event));
        Object response = ((RequestHandler<Object, Object>) handler).handleRequest(request, context);
        output.toJson(response, out);
        return out.toByteArray();
    }

    /** The concrete input and output types a class gives RequestHandler, searching its superclasses. */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    if (arguments[0] instanceof Class<?> || arguments[0] instanceof ParameterizedType) {
                        return arguments;
                    }
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " does not implement RequestHandler with concrete"
                + " type parameters");
    }

    /** The Runtime Interface Client's choice: Lambda's event serializers for event classes, else Jackson's. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> eventClass
                && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
