// Konva sizes each layer's canvas for the device pixel ratio it saw when the
// layer was made. When that ratio changes (browser zoom, a window moved to
// another screen), the layers are re-sized for it, so text stays crisp.
import type Konva from 'konva';
import { type RefObject, useEffect } from 'react';

export function useDevicePixelRatio(stage: RefObject<Konva.Stage | null>): void {
  useEffect(() => {
    let query: MediaQueryList | null = null;
    const listen = () => {
      query?.removeEventListener('change', onChange);
      query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      query.addEventListener('change', onChange);
    };
    const onChange = () => {
      const ratio = window.devicePixelRatio;
      for (const layer of stage.current?.getLayers() ?? []) {
        layer.getCanvas().setPixelRatio(ratio);
        layer.batchDraw();
      }
      listen();
    };
    listen();
    return () => query?.removeEventListener('change', onChange);
  }, [stage]);
}
