package sightline.attendance.checkin;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.CourseNotFound;
import sightline.identity.SignedInUser;
import sightline.system.TopicAccess;

/** A session's roster topic is for the course's teachers and administrators, as its page is. */
@Component
class RosterTopicAccess implements TopicAccess {

  private final Rosters rosters;

  RosterTopicAccess(Rosters rosters) {
    this.rosters = rosters;
  }

  @Override
  public boolean covers(String destination) {
    return destination.startsWith(RosterPush.TOPIC);
  }

  @Override
  public boolean maySubscribe(Authentication user, String destination) {
    if (!(user.getPrincipal() instanceof SignedInUser signedIn)) {
      return false;
    }
    try {
      UUID session = UUID.fromString(destination.substring(RosterPush.TOPIC.length()));
      rosters.taughtSession(new ClassSessionId(session), signedIn);
      return true;
    } catch (IllegalArgumentException | ClassSessionNotFound | CourseNotFound notYours) {
      return false;
    }
  }
}
