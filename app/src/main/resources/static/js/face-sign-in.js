import { postJson } from './face-stream.js';
import { livenessElements, runLivenessSession } from './liveness.js';

// Sign in with face: a liveness session started for the typed e-mail (or for face only), then the completion call,
// which the server answers with where to go (home, or the second-factor step). The server records every attempt,
// so the completion is sent whether the liveness session passed or not. The state is on
// <body data-face-sign-in-state> (idle, running, checking, refused, error) for people's tools and tests.
const root = document.getElementById('face-sign-in');
const form = document.getElementById('face-sign-in-form');
const email = document.getElementById('face-email');
const button = document.getElementById('face-sign-in-start');
const result = document.getElementById('face-sign-in-result');
const elements = livenessElements('face-sign-in');

function show(state, text, tone) {
  document.body.dataset.faceSignInState = state;
  result.textContent = text;
  result.className = text ? `alert alert-${tone}` : 'alert d-none';
}

function problemText(error) {
  return error.problem && error.problem.detail ? error.problem.detail : (error.name || error.message);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  button.disabled = true;
  show('running', '', 'secondary');
  elements.hint.textContent = root.dataset.waiting;
  let session;
  let answer;
  try {
    answer = await runLivenessSession(elements, {
      start: async () => (session = await postJson('/api/v1/auth/face/sessions', { email: email.value.trim() })),
    });
    show('checking', root.dataset.checking, 'secondary');
    const signedIn = await postJson('/api/v1/auth/face/sign-in', { session: session.id });
    window.location.assign(signedIn.next);
    return;
  } catch (error) {
    if (error.status === 401) {
      // Liveness reasons are about the session, never about the account, so they may be shown.
      const why = answer && answer.state === 'FAILED'
        ? ` ${answer.reasonTexts.join(' ')}${answer.adviceText ? ` ${answer.adviceText}` : ''}` : '';
      show('refused', `${root.dataset.refused}${why}`, 'danger');
    } else if (error.status) {
      show('error', `${root.dataset.error} ${problemText(error)}`, 'warning');
    } else {
      show('error', `${root.dataset.cameraFailed} (${problemText(error)})`, 'warning');
    }
  }
  button.disabled = false;
  button.textContent = root.dataset.again;
});
document.body.dataset.faceSignInState = 'idle';
