module github.com/gograd/gograd

go 1.26
