import { mount } from "svelte";
import "./lib/styles/global.css";
import App from "./App.svelte";
import { installZoomKeys } from "./lib/textScaleState.svelte";

const target = document.getElementById("app");
if (target === null) throw new Error("#app element missing from index.html");

installZoomKeys(window);
const app = mount(App, { target });

export default app;
