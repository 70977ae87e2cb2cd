import { streamFrames, postJson } from './face-stream.js';

// The "my face" page: guided enrolment (frames to the enrolment API, the server's hint shown for each refused
// frame) and "check my face" (frames to the verification API until a decision about a face). The browser judges
// nothing about the face; the page's state is mirrored on <body data-enrol-state / data-check-state> for tests.
const page = document.getElementById('face-page');
const video = document.getElementById('face-video');
const canvas = document.getElementById('face-canvas');
const oval = document.getElementById('face-oval');
const startButton = document.getElementById('enrol-start');
const stopButton = document.getElementById('enrol-stop');
const progressBox = document.getElementById('enrol-progress-box');
const adviceBox = document.getElementById('enrol-advice');
const progress = document.getElementById('enrol-progress');
const count = document.getElementById('enrol-count');
const hintBox = document.getElementById('enrol-hint');
const result = document.getElementById('enrol-result');
const checkButton = document.getElementById('check-start');
const needed = Number(page.dataset.framesNeeded);
// Read when enrolment starts, so that a test may shorten it.
const timeLimitMs = () => Number(page.dataset.timeLimitSeconds || 60) * 1000;
// What to advise when enrolment runs out of time, by the hint the server gave most often.
const ADVICE = { MOVE_SLIGHTLY: 'still', HOLD_STILL: 'still', NOT_LIVE: 'still', FACE_THE_CAMERA: 'angle',
  MORE_LIGHT: 'light', LESS_LIGHT: 'light', NO_FACE: 'distance', COME_CLOSER: 'distance', ONE_FACE_ONLY: 'distance' };

const text = (attribute, value) => {
  const item = document.querySelector(`#face-texts [data-${attribute}="${value}"]`);
  return item ? item.textContent : value;
};

function showOval(good) {
  oval.classList.toggle('is-good', good === true);
  oval.classList.toggle('is-bad', good === false);
}

function showResult(message, tone) {
  result.hidden = false;
  result.textContent = message;
  result.className = `alert alert-${tone}`;
}

let stream = null;
let timer = null;

/** Back to the state before a start: the start button on, the stop button and the progress away. */
function idle(state) {
  if (stream) stream.stop();
  stream = null;
  clearTimeout(timer);
  document.body.dataset.enrolState = state;
  startButton.disabled = false;
  stopButton.hidden = true;
  progressBox.hidden = true;
  hintBox.hidden = true;
}

/** Stops a running enrolment; the frames the server accepted so far are dropped, so nothing is saved. */
async function stop(state, message, advice) {
  idle(state);
  showResult(message, 'warning');
  adviceBox.hidden = !advice;
  adviceBox.textContent = advice || '';
  try {
    await postJson('/api/v1/biometrics/enrolment/restart');
  } catch (error) {
    // nothing was saved either way: pending frames expire on the server
  }
}

function failed(error) {
  const message = error.problem && error.problem.detail ? error.problem.detail
    : (error.status ? error.message : `${result.dataset.cameraFailed} (${error.name || error.message})`);
  idle('failed');
  showResult(`${result.dataset.failed} ${message}`, 'danger');
}

async function enrol() {
  if (stream) stream.stop();
  startButton.disabled = true;
  result.hidden = true;
  adviceBox.hidden = true;
  document.body.dataset.enrolState = 'running';
  const hints = {};
  try {
    await postJson('/api/v1/biometrics/enrolment/restart');
  } catch (error) {
    failed(error);
    return;
  }
  progress.value = 0;
  count.textContent = `0 / ${needed}`;
  progressBox.hidden = false;
  stopButton.hidden = false;
  timer = setTimeout(() => {
    const [mostOften] = Object.entries(hints).sort((a, b) => b[1] - a[1])[0] || [];
    stop('timed-out', result.dataset.timeUp, text('advice', ADVICE[mostOften] || 'general'));
  }, timeLimitMs());
  try {
    stream = await streamFrames({
      video, canvas, url: '/api/v1/biometrics/enrolment/frames', intervalMs: 250,
      onAnswer: (answer) => {
        progress.value = answer.complete ? needed : answer.acceptedFrames;
        count.textContent = `${answer.complete ? needed : answer.acceptedFrames} / ${needed}`;
        showOval(answer.accepted);
        if (document.body.dataset.enrolState !== 'running') return false;
        hintBox.hidden = answer.accepted;
        if (!answer.accepted) {
          hintBox.textContent = text('hint', answer.hint);
          hints[answer.hint] = (hints[answer.hint] || 0) + 1;
        }
        if (answer.complete) {
          clearTimeout(timer);
          stopButton.hidden = true;
          showResult(result.dataset.complete, 'success');
          document.body.dataset.enrolState = 'complete';
          setTimeout(() => window.location.reload(), 1500);
          return false;
        }
        return true;
      },
      onError: failed,
    });
  } catch (error) {
    failed(error);
  }
}

const FACELESS = ['NO_FACE', 'SEVERAL_FACES'];

async function check() {
  if (stream) stream.stop();
  checkButton.disabled = true;
  document.body.dataset.checkState = 'running';
  let faceless = 0;
  let decided = 0;
  // Plain words only: the numbers behind a decision are for administrators (their pages explain them).
  const show = (decision) => {
    document.getElementById('check-result').hidden = false;
    document.getElementById('check-outcome').textContent = text('outcome', decision.outcome);
    showOval(decision.outcome === 'MATCH');
  };
  const finish = (decision) => {
    show(decision);
    document.body.dataset.checkState = decision.outcome === 'MATCH' ? 'match' : 'no-match';
    document.body.dataset.checkOutcome = decision.outcome;
    checkButton.disabled = false;
    return false;
  };
  try {
    stream = await streamFrames({
      video, canvas, url: '/api/v1/biometrics/verify', intervalMs: 400,
      onAnswer: (decision) => {
        if (FACELESS.includes(decision.outcome)) {
          faceless += 1;
          show(decision);
          return faceless < 10 ? true : finish(decision);
        }
        decided += 1;
        // A frame may catch a blink or a turn: up to three decisions about a face, the first match wins.
        if (decision.outcome === 'MATCH' || decided >= 3) return finish(decision);
        show(decision);
        return true;
      },
      onError: (error) => {
        checkButton.disabled = false;
        document.body.dataset.checkState = 'failed';
        failed(error);
      },
    });
  } catch (error) {
    checkButton.disabled = false;
    failed(error);
  }
}

startButton.addEventListener('click', enrol);
stopButton.addEventListener('click', () => stop('stopped', result.dataset.stopped));
if (checkButton) checkButton.addEventListener('click', check);
