import BylineCLI

await Byline.start()
