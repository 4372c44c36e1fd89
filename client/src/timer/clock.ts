// The offset between the server's clock and this device's, so a countdown
// shows the same time everywhere even when a device's clock is wrong. Measured
// from GET /api/workshops/<id>/session (serverTime) with the round trip halved.
import { fetchSession } from '../api/httpApi.ts';
import { rememberedToken } from '../session/remembered.ts';

export async function measureClockOffset(workshopId: string): Promise<number | null> {
  const token = rememberedToken(workshopId);
  if (!token) return null;
  let best: { offset: number; rtt: number } | null = null;
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    const result = await fetchSession(workshopId, token);
    const t1 = Date.now();
    if (!result.ok) return best?.offset ?? null;
    const rtt = t1 - t0;
    const offset = result.value.serverTime - (t0 + rtt / 2);
    if (!best || rtt < best.rtt) best = { offset, rtt };
  }
  return best?.offset ?? null;
}
