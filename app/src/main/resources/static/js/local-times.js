// Times on pages are written in the school's time zone (<body data-time-zone>). When the reader's browser is in
// another zone, each <time class="instant"> is rewritten in the reader's zone, with that zone's name, and keeps the
// school's time in its title; content that htmx swaps in later gets the same treatment.
const school = document.body.dataset.timeZone;
const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;

function localise(root) {
  for (const element of root.querySelectorAll('time.instant[datetime]')) {
    if (element.dataset.localised) continue;
    const at = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(at.getTime())) continue;
    const seconds = element.dataset.precision === 'seconds';
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: reader, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: seconds ? '2-digit' : undefined, hourCycle: 'h23', timeZoneName: 'short',
    }).formatToParts(at);
    const part = (type) => (parts.find((p) => p.type === type) || {}).value;
    element.title = `${element.textContent} (${school})`;
    element.textContent = `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
      + `${seconds ? `:${part('second')}` : ''} ${part('timeZoneName')}`;
    element.dataset.localised = 'true';
  }
}

if (school && reader && school !== reader) {
  localise(document);
  document.addEventListener('htmx:afterSwap', (event) => localise(event.target));
}
