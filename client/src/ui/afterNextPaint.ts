// Resolves once the browser has shown what the page drew until now: after
// the next frame's rendering (a task queued from requestAnimationFrame runs
// after it). A hidden page renders no frames: then after `latestMs`.
export function afterNextPaint(latestMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, latestMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
