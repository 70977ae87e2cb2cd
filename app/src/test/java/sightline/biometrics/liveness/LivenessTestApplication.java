package sightline.biometrics.liveness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application configuration of the liveness tests (so Spring's context cache shares it): every session gets
 * all five challenges in a fixed order, a challenge times out after 15 s (a still photo fails soon; the synthetic camera loop lasts about 9 s), and the
 * per-address limits are high because every test caller is 127.0.0.1 (the limits have their own unit tests); the
 * calibration page reads attack scores from {@code target/liveness-attack-scores.csv} when a test writes one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sightline.biometrics.liveness.fixed-challenges=BLINK,TURN_LEFT,TURN_RIGHT,LOOK_UP,COME_CLOSER",
    "sightline.biometrics.liveness.challenge-timeout=15s",
    "sightline.biometrics.liveness.frames-per-second=50",
    "sightline.biometrics.liveness.starts-per-minute=1000",
    "sightline.biometrics.liveness.max-failures=1000",
    "sightline.biometrics.liveness.address-failure-ceiling=1000",
    "sightline.biometrics.liveness.attack-scores=target/liveness-attack-scores.csv"})
public @interface LivenessTestApplication {
}
