import { mount } from "svelte";
import "./lib/styles/global.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (target === null) throw new Error("#app element missing from index.html");

const app = mount(App, { target });

export default app;
