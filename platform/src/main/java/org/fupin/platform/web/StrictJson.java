package org.fupin.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Takes a JSON body as it is written: a value of the wrong JSON type is refused, never converted.
 * By default Jackson reads {@code "name": false} as the text "false", {@code "maxHouseholds": 5.7}
 * as 5, {@code "3"} as the number 3, {@code 1} as true, a number as a date or an instant, and the
 * last of two {@code "name"} keys of one object; a client that sends any of these has made a mistake
 * that would otherwise be stored as something it did not mean. Each answers 400: invalid-value
 * naming the field, or duplicate-key.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** How Jackson's refusal of a repeated key begins; ProblemMappers answers it as duplicate-key. */
    public static final String DUPLICATE_KEY = "Duplicate field '";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.setDefaultLeniency(false);
        fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
        fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.OtherScalar, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        mapper.registerModule(new SimpleModule("fupin-strict-time").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass().getPackageName().equals("java.time") ? new TextOnly<>(deserializer) : deserializer;
            }
        }));
    }

    private static void fail(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Dates and instants only as the contract writes them, as ISO 8601 text, which the wrapped
     * deserializer reads; never a number of days or seconds, nor an array of fields.
     */
    static final class TextOnly<T> extends StdDeserializer<T> implements ResolvableDeserializer, ContextualDeserializer {

        private final JsonDeserializer<T> text;

        @SuppressWarnings("unchecked")
        TextOnly(JsonDeserializer<?> text) {
            super(text.handledType());
            this.text = (JsonDeserializer<T>) text;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return text.deserialize(parser, context);
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            if (text instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(context);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<?> contextual = text instanceof ContextualDeserializer c ? c.createContextual(context, property) : text;
            return contextual == text ? this : new TextOnly<>(contextual);
        }
    }
}
