package sightline.biometrics.liveness;

import sightline.identity.AccountId;

/**
 * Test helper: a policy version for tests whose frames cannot show a real head (frames synthesised from one photo,
 * which the motion cue refuses by design), restored by adopting the previous settings again as a newer version.
 */
public final class PolicyVersions {

  private PolicyVersions() {
  }

  /** A policy version that records the motion cue without requiring it; closing it restores the previous one. */
  public static AutoCloseable withoutMotionCue(LivenessPolicies policies, AccountId admin) {
    SitePolicy before = policies.current();
    var change = LivenessPolicies.Change.of(before);
    policies.adopt(new LivenessPolicies.Change(change.threshold(), change.thresholdWithMotion(),
        change.requirePassive(), false, change.manualFallback()), SitePolicy.Source.ADMIN,
        "test: frames synthesised from one photo", admin);
    return () -> policies.adopt(change, SitePolicy.Source.ADMIN, "test: restored", admin);
  }
}
