/** A tiny made-up physical-therapy clinic whose articles write "back pain" as one term. */
import type { Chunk } from "../../../src/types.js";
import { chunk } from "./tiny-corpus.js";

export const PT_CHUNKS: Chunk[] = [
  chunk("back", "Low Back Pain at Home", "Moving", "Gentle walks help. Stay active with a home program."),
  chunk("back", "Low Back Pain at Home", "Sleep", "Sleep on your side with a pillow between your knees."),
  chunk("back", "Low Back Pain at Home", "Sleep", "Most back pain improves within six weeks."),
  chunk("shoulder", "Shoulder Pain", "Living with it", "Lie on your back, pain or not, with a pillow under the arm. Keep a home program going."),
  chunk("visits", "Your Visits", null, "Bring your home program sheet. Physical therapy visits last an hour."),
  chunk("visits", "Your Visits", null, "Wear loose clothes. A home program takes 10 minutes."),
  chunk("visits", "Your Visits", null, "Exercise can reduce pain. Ice can reduce pain too."),
];
