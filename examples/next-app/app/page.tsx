// A Server Component page: it prerenders the client component below (meterkit's hooks and
// canvases run in the browser).
import Meters from './meters';

export default function Page() {
  return <Meters />;
}
