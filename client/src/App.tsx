export function App() {
  return (
    <main className="landing">
      <h1>Pinnwand</h1>
      <p>Das selbst gehostete Whiteboard für moderierte Workshops.</p>
    </main>
  );
}
