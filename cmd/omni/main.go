// Command omni measures omnichannel marketing campaigns defined as code.
package main

import (
	"os"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
