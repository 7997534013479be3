import BylineCLI

Byline.main()
