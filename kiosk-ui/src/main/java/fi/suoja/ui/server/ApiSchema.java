package fi.suoja.ui.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schemas of kiosk-server's OpenAPI document ({@code /openapi/suoja-v1.yml}) that a record or
 * enum of this package is read from. {@code WireContractTest} checks each against the document:
 * every record component is a property of one of them (by its JSON name or an alias), a primitive
 * one a required property, and an enum has exactly the document's constants (besides its
 * {@code UNKNOWN}, what a newer server's constant reads as).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSchema {
    String[] value();
}
