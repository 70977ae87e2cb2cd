import { streamFrames, postJson } from './face-stream.js';

// The "my face" page: guided enrolment (frames to the enrolment API, the server's hint shown for each refused
// frame) and "check my face" (frames to the verification API until a decision about a face). The browser judges
// nothing about the face; the page's state is mirrored on <body data-enrol-state / data-check-state> for tests.
const page = document.getElementById('face-page');
const video = document.getElementById('face-video');
const canvas = document.getElementById('face-canvas');
const oval = document.getElementById('face-oval');
const startButton = document.getElementById('enrol-start');
const progress = document.getElementById('enrol-progress');
const count = document.getElementById('enrol-count');
const hintBox = document.getElementById('enrol-hint');
const result = document.getElementById('enrol-result');
const checkButton = document.getElementById('check-start');
const needed = Number(page.dataset.framesNeeded);

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

function failed(error) {
  const message = error.problem && error.problem.detail ? error.problem.detail
    : (error.status ? error.message : `${result.dataset.cameraFailed} (${error.name || error.message})`);
  showResult(`${result.dataset.failed} ${message}`, 'danger');
  document.body.dataset.enrolState = 'failed';
  startButton.disabled = false;
}

let stream = null;

async function enrol() {
  if (stream) stream.stop();
  startButton.disabled = true;
  result.hidden = true;
  document.body.dataset.enrolState = 'running';
  try {
    await postJson('/api/v1/biometrics/enrolment/restart');
  } catch (error) {
    failed(error);
    return;
  }
  progress.value = 0;
  count.textContent = `0 / ${needed}`;
  try {
    stream = await streamFrames({
      video, canvas, url: '/api/v1/biometrics/enrolment/frames', intervalMs: 250,
      onAnswer: (answer) => {
        progress.value = answer.complete ? needed : answer.acceptedFrames;
        count.textContent = `${answer.complete ? needed : answer.acceptedFrames} / ${needed}`;
        showOval(answer.accepted);
        hintBox.hidden = answer.accepted;
        if (!answer.accepted) hintBox.textContent = text('hint', answer.hint);
        if (answer.complete) {
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
  const show = (decision) => {
    document.getElementById('check-result').hidden = false;
    document.getElementById('check-outcome').textContent = text('outcome', decision.outcome);
    document.getElementById('check-similarity').textContent =
      decision.similarity === null || decision.similarity === undefined ? '–' : decision.similarity.toFixed(3);
    document.getElementById('check-threshold').textContent = decision.threshold.toFixed(3);
    document.getElementById('check-liveness').textContent =
      decision.livenessScore === null || decision.livenessScore === undefined ? '–' : decision.livenessScore.toFixed(3);
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
if (checkButton) checkButton.addEventListener('click', check);
