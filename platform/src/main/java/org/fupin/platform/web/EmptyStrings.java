package org.fupin.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses {@code ""} where the body needs an id, a date, a number, a yes/no or a list: by default
 * Jackson reads it as null, so {@code "groupId": ""} quietly created a unit outside any group and
 * {@code "startDate": ""} meant "today". A client that means "none" leaves the field out or sends
 * null; an empty string is a mistake and answers 400 invalid-value naming the field. Text fields
 * keep their empty string, and their own validation decides.
 */
@Singleton
public class EmptyStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
}
