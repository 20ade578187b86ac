/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { fileURLToPath, URL } from "node:url";

// Tauri expects a fixed port and no screen clearing so its own logs stay visible.
export default defineConfig({
  // svelteTesting() only acts under vitest: browser build of Svelte, DOM cleanup after each test.
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL("./src/lib", import.meta.url)),
    },
  },
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["./vitest-setup.ts"],
    // Two cores shared with a build: a view test that clicks through a form can take seconds.
    testTimeout: 20_000,
  },
});
