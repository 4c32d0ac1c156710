/**
 * What the API accepts as a value, for every endpoint at once: whole numbers only as JSON numbers
 * without a fraction, yes/no only as JSON booleans, text without control characters, dates and
 * instants inside the years Suoja can compute with, clock times to the minute. A value outside
 * these is refused with 400 before any feature sees it, so no feature has to check it again.
 */
package fi.suoja.server.input;
