import { postJson } from './face-stream.js';
import { livenessElements, runLivenessSession } from './liveness.js';

// The classroom kiosk: one student after another taps the button, passes a short liveness session and is
// identified by the server among the course's roster; the answer is shown big for a few seconds, then the kiosk is
// ready for the next person. The server records every turn, so the turn is ended whether the session passed or not.
// The state is on <body data-kiosk-state> (ready, running, checking, accepted, refused, error) and the last outcome
// on <body data-kiosk-outcome>, for people's tools and tests.
const root = document.getElementById('kiosk');

if (root) {
  const button = document.getElementById('kiosk-start');
  const message = document.getElementById('kiosk-message');
  const elements = livenessElements('kiosk');
  const pauseMs = 1000 * Number(root.dataset.pauseSeconds || 5);

  const show = (state, text, tone) => {
    document.body.dataset.kioskState = state;
    message.textContent = text;
    message.className = `alert alert-${tone} kiosk-message`;
  };

  const stopCamera = () => {
    const stream = elements.video.srcObject;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    elements.video.srcObject = null;
  };

  const ready = () => {
    stopCamera();
    elements.challenge.textContent = '–';
    elements.hint.textContent = '';
    elements.progress.value = 0;
    elements.oval.classList.remove('is-good', 'is-bad');
    show('ready', root.dataset.ready, 'secondary');
    button.disabled = false;
    button.focus();
  };

  button.addEventListener('click', async () => {
    button.disabled = true;
    show('running', root.dataset.looking, 'info');
    let session;
    try {
      await runLivenessSession(elements, {
        start: async () => (session = await postJson(root.dataset.turnsUrl, {})),
      });
      show('checking', root.dataset.checking, 'secondary');
      const outcome = await postJson(root.dataset.checkInsUrl, { livenessSession: session.id, nonce: session.nonce });
      document.body.dataset.kioskOutcome = outcome.outcome;
      const welcome = outcome.accepted || outcome.outcome === 'ALREADY_CHECKED_IN';
      show(welcome ? 'accepted' : 'refused', outcome.message, welcome ? 'success' : 'danger');
    } catch (error) {
      const why = error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
      show('error', `${error.status ? root.dataset.error : root.dataset.cameraFailed} ${why}`, 'warning');
    }
    stopCamera();
    setTimeout(ready, pauseMs);
  });
  ready();
}
