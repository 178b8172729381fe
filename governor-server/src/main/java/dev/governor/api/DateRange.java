package dev.governor.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Wraps Jackson's date-time deserializers so an instant outside {@link Dates} is a 400 naming
 * the field, like any other bad value, instead of a database error when it is stored or compared.
 */
final class DateRange extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return new Checked(deserializer);
        }
        return deserializer;
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getText();
            Object value = super.deserialize(p, ctxt);
            Instant instant = value instanceof OffsetDateTime o ? o.toInstant()
                    : value instanceof ZonedDateTime z ? z.toInstant() : value instanceof Instant i ? i : null;
            if (instant != null && !Dates.inRange(instant)) {
                throw InvalidFormatException.from(p, Dates.RANGE_MESSAGE, text, handledType());
            }
            return value;
        }
    }
}
