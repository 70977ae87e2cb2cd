/**
 * The sign-in history, internal to identity: every attempt of every method, recorded in a transaction of its own
 * ({@code SignInRecorder}), read back per person or filtered for administrators, exported as CSV.
 */
@NullMarked
package sightline.identity.history;

import org.jspecify.annotations.NullMarked;
