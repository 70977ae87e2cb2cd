package sightline.engagement.access;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import sightline.courses.ClassSessionId;
import sightline.courses.ClassSessionNotFound;
import sightline.courses.ClassSessionView;
import sightline.courses.CourseView;
import sightline.courses.Courses;
import sightline.engagement.NotInCourse;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.system.TopicAccess;

/**
 * A session's live dashboard, its report and its STOMP topic {@code /topic/engagement/sessions/{id}} are for the
 * course's teachers and co-teachers and for administrators; students see only their own data.
 */
@Component
public class EngagementAccess implements TopicAccess {

  static final String TOPIC = "/topic/engagement/sessions/";

  private final Courses courses;

  EngagementAccess(Courses courses) {
    this.courses = courses;
  }

  /** The session and its course, when {@code user} teaches it or is an administrator. */
  public record Taught(ClassSessionView session, CourseView course) {}

  /**
   * @throws ClassSessionNotFound when there is no such session
   * @throws NotInCourse          when {@code user} neither teaches its course nor is an administrator
   */
  public Taught teaching(ClassSessionId id, SignedInUser user) {
    ClassSessionView session = courses.session(id);
    CourseView course = courses.get(session.course());
    if (!course.taughtBy(user.id()) && !user.has(Role.ADMIN)) {
      throw new NotInCourse(id);
    }
    return new Taught(session, course);
  }

  /** The dashboard topic of a session. */
  public static String topic(ClassSessionId session) {
    return TOPIC + session.value();
  }

  @Override
  public boolean covers(String destination) {
    return destination.startsWith("/topic/engagement/");
  }

  @Override
  public boolean maySubscribe(Authentication user, String destination) {
    if (!(user.getPrincipal() instanceof SignedInUser signedIn) || !destination.startsWith(TOPIC)) {
      return false;
    }
    try {
      teaching(new ClassSessionId(UUID.fromString(destination.substring(TOPIC.length()))), signedIn);
      return true;
    } catch (IllegalArgumentException | ClassSessionNotFound | NotInCourse e) {
      return false;
    }
  }
}
