import type { Config } from 'tailwindcss';

// Tailwind v4 reads its theme from app/globals.css (@theme); this file (loaded there with @config)
// keeps the content globs and the font stacks in one place.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: ['"Segoe UI"', 'system-ui', '-apple-system', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'],
        mono: ['ui-monospace', '"Cascadia Code"', 'Consolas', 'monospace'],
      },
    },
  },
};

export default config;
