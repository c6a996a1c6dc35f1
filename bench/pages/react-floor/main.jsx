// The floor: what any React 19 app pays before it renders anything of its own.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('host')).render(<p>Hello from React</p>);
