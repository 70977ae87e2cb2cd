// Runs one liveness session on given page elements: starts it on the server, streams
// camera frames to it with face-stream.js, shows the current challenge, hints and progress from each answer, and
// resolves to the final answer (state PASSED or FAILED, with reasons). The server judges every frame; the browser
// computes nothing about the face. Reused by the self-test page and by face sign-in.
import { postJson, streamFrames } from './face-stream.js';

const API = '/api/v1/liveness/sessions';

/**
 * The elements of a liveness panel whose ids share `prefix`: `<prefix>-video`, `-canvas`, `-oval`, `-challenge`,
 * `-hint` and `-progress`, as the self-test and face sign-in pages name them.
 */
export function livenessElements(prefix) {
  const part = (name) => document.getElementById(`${prefix}-${name}`);
  return {
    video: part('video'),
    canvas: part('canvas'),
    oval: part('oval'),
    challenge: part('challenge'),
    hint: part('hint'),
    progress: part('progress'),
  };
}

/**
 * elements: { video, canvas, oval, challenge, hint, progress } (challenge/hint get text, progress is a <progress>).
 * options: { purpose, intervalMs, onAnswer(answer), onStart(session), start() }. `start` replaces the default start
 * (POST /api/v1/liveness/sessions with the purpose) for pages whose own endpoint starts the session, such as face
 * sign-in; it resolves to the same session document.
 * Resolves to the last answer: { state: 'PASSED'|'FAILED', reasons, reasonTexts, session, ... }.
 * Rejects with an Error whose .status/.problem carry an RFC 9457 problem (e.g. 429 after too many failures), or
 * with the camera's error.
 */
export async function runLivenessSession(elements, options = {}) {
  const { purpose, intervalMs = 150, onAnswer, onStart, start } = options;
  const session = start ? await start() : await postJson(API, purpose ? { purpose } : {});
  if (onStart) onStart(session);
  show(elements, { challengeText: session.challengeTexts[0], progress: 0, state: 'RUNNING' });
  return new Promise((resolve, reject) => {
    streamFrames({
      video: elements.video,
      canvas: elements.canvas,
      url: `${API}/${encodeURIComponent(session.id)}/frames`,
      headers: { 'X-Liveness-Nonce': session.nonce },
      intervalMs,
      onAnswer: (answer) => {
        show(elements, answer);
        if (onAnswer) onAnswer(answer);
        if (answer.state !== 'RUNNING') {
          resolve(answer);
          return false;
        }
        return true;
      },
      onError: reject,
    }).catch(reject);
  });
}

function show({ oval, challenge, hint, progress }, answer) {
  if (challenge) challenge.textContent = answer.challengeText || '–';
  if (hint) hint.textContent = answer.hintText || '';
  if (progress) progress.value = answer.progress;
  if (oval) {
    const bad = answer.state === 'FAILED' || (answer.hint && answer.hint !== 'NONE' && answer.hint !== 'HOLD_STILL');
    oval.classList.toggle('is-bad', bad);
    oval.classList.toggle('is-good', !bad && answer.hint !== undefined);
  }
}
