package sightline.attendance.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sightline.courses.Place;
import sightline.identity.SignedInUser;

/**
 * The teacher's daily check-in page (the check itself is the API call {@code staff-check-in.js} makes) and the
 * administrators' page: the school's place and the report per day and teacher, with refusals.
 */
@Controller
class StaffAttendanceController {

  static final String ADMIN_VIEW = "attendance/staff-admin";
  private static final int DEFAULT_DAYS = 7;

  /** The school's place: its centre and radius in metres. */
  record SetSchoolPlaceForm(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
      @NotNull @DecimalMin("1") @DecimalMax("10000") Integer radiusMetres) {}

  private final StaffAttendance staff;

  StaffAttendanceController(StaffAttendance staff) {
    this.staff = staff;
  }

  @GetMapping("/attendance/staff")
  String showStaffCheckIn(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("today", staff.today(user.id()));
    model.addAttribute("place", staff.place().orElse(null));
    return "attendance/staff";
  }

  @GetMapping("/admin/attendance/staff")
  String showStaffReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      @Nullable LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      @Nullable LocalDate to, Model model) {
    if (!model.containsAttribute("placeForm")) {
      model.addAttribute("placeForm", staff.place().map(p -> new SetSchoolPlaceForm(p.place().latitude(),
          p.place().longitude(), p.place().radiusMetres()))
          .orElse(new SetSchoolPlaceForm(null, null, Place.DEFAULT_RADIUS_METRES)));
    }
    return page(from, to, model);
  }

  @PostMapping("/admin/attendance/staff/place")
  String setSchoolPlace(@AuthenticationPrincipal SignedInUser admin,
      @Valid @ModelAttribute("placeForm") SetSchoolPlaceForm placeForm, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return page(null, null, model);
    }
    staff.setPlace(new Place(placeForm.latitude(), placeForm.longitude(), placeForm.radiusMetres()), admin.id());
    redirect.addFlashAttribute("placeSaved", true);
    return "redirect:/admin/attendance/staff";
  }

  private String page(@Nullable LocalDate from, @Nullable LocalDate to, Model model) {
    LocalDate last = to != null ? to : staff.currentDay();
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    model.addAttribute("report", staff.report(checked(first, last), last));
    model.addAttribute("place", staff.place().orElse(null));
    return ADMIN_VIEW;
  }

  /** The first day of a valid range: not after the last, at most {@link StaffReportRangeInvalid#MAX_DAYS} days. */
  static LocalDate checked(LocalDate from, LocalDate to) {
    if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= StaffReportRangeInvalid.MAX_DAYS) {
      throw new StaffReportRangeInvalid();
    }
    return from;
  }
}
