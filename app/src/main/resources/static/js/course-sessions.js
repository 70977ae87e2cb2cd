// The session form on a course page: times are entered in the browser's own time zone, which goes with the form;
// "Use my location" fills in the place from the browser's geolocation; the place fields hide for online sessions.
const form = document.getElementById('session-form');

if (form) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    form.querySelector('#zone').value = zone;
    document.getElementById('zone-name').textContent = zone;
  }

  const place = document.getElementById('place-fields');
  const online = document.getElementById('where-online');
  const showPlace = () => { place.hidden = online.checked; };
  form.querySelectorAll('input[name="online"]').forEach((radio) => radio.addEventListener('change', showPlace));
  showPlace();

  const button = document.getElementById('use-location');
  const status = document.getElementById('location-status');
  button.addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.textContent = button.dataset.failed;
      return;
    }
    status.textContent = button.dataset.locating;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition((position) => {
      form.querySelector('#latitude').value = position.coords.latitude.toFixed(6);
      form.querySelector('#longitude').value = position.coords.longitude.toFixed(6);
      status.textContent = button.dataset.located.replace('{0}', Math.round(position.coords.accuracy));
      button.disabled = false;
    }, () => {
      status.textContent = button.dataset.failed;
      button.disabled = false;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  });
}
